use newsls::ide::{self, outline::GroupBy, Snapshot};
use newsls::input::{Format, Settings};
use newsls::lsp::convert::{self, Encoding};
use std::time::Instant;
use tower_lsp_server::ls_types as lsp;
#[path = "../tests/common/fixture_document.rs"]
mod fixture_document;
fn med(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}
fn main() {
    let text = fixture_document::document(150_000);
    let snap = Snapshot::new(0, &text, Format::Plain, Settings::default());
    let (mut o, mut c, mut tv, mut ts, mut tb, mut d) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..20 {
        let t = Instant::now();
        let syms = ide::outline::outline(&snap, GroupBy::Speaker);
        o.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let l: Vec<lsp::DocumentSymbol> = syms
            .iter()
            .map(|s| convert::document_symbol(&snap, Encoding::Utf16, s))
            .collect();
        c.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let v = serde_json::to_value(&l).unwrap();
        tv.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let s = serde_json::to_string(&v).unwrap();
        ts.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let b = serde_json::to_vec(&l).unwrap();
        tb.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        drop(v);
        drop(l);
        drop(syms);
        d.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(s.len(), b.len());
    }
    println!("outline {:.2} convert {:.2} to_value {:.2} value_to_string {:.2} direct_to_vec {:.2} drop {:.2}", med(o), med(c), med(tv), med(ts), med(tb), med(d));
}
