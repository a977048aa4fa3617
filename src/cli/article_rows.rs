//! The per-article rows of `stats`, packed: a corpus of 100,000 articles
//! keeps 100,000 rows until the report is written (its totals come
//! first), and as [`ArticleStats`] values each held about 190 bytes in
//! three allocations. Packed, a row is its name and date bytes, its counts
//! as variable-length integers and one offset: its peak memory then grows
//! far less with the corpus.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::stats::ArticleStats;

/// Rows in corpus order, each decoded back to an [`ArticleStats`] equal to
/// the one pushed.
#[derive(Clone, Debug, Default)]
pub struct ArticleRows {
    /// The rows one after the other (see [`ArticleRows::push`]).
    bytes: Vec<u8>,
    /// Where each row starts in `bytes`.
    starts: Vec<usize>,
}

impl ArticleRows {
    /// Appends a row: its name, its date (length plus one, 0 without a
    /// date), its counts, then the bits of its unattributed share (kept as
    /// given, not computed again).
    pub fn push(&mut self, row: &ArticleStats) {
        self.starts.push(self.bytes.len());
        let out = &mut self.bytes;
        put_str(out, &row.article);
        match &row.date {
            Some(date) => put_str_plus_one(out, date),
            None => put_varint(out, 0),
        }
        for n in [
            row.quotes,
            row.unattributed_quotes,
            row.speakers,
            row.claims,
            row.unattributed_claims,
            row.vague_claims,
            row.words,
        ] {
            put_varint(out, n as u64);
        }
        out.extend_from_slice(&row.unattributed_share.to_bits().to_le_bytes());
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Row `i`, decoded.
    pub fn get(&self, i: usize) -> Option<ArticleStats> {
        let start = *self.starts.get(i)?;
        Some(
            Reader {
                bytes: &self.bytes,
                at: start,
            }
            .row(),
        )
    }

    pub fn first(&self) -> Option<ArticleStats> {
        self.get(0)
    }

    /// Every row in order, decoded one at a time.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = ArticleStats> + '_ {
        (0..self.len()).map(|i| {
            let start = self.starts[i];
            Reader {
                bytes: &self.bytes,
                at: start,
            }
            .row()
        })
    }
}

impl FromIterator<ArticleStats> for ArticleRows {
    fn from_iter<I: IntoIterator<Item = ArticleStats>>(rows: I) -> ArticleRows {
        let mut res = ArticleRows::default();
        for row in rows {
            res.push(&row);
        }
        res
    }
}

/// Serialised as the list of rows it holds, as a `Vec<ArticleStats>` is.
impl Serialize for ArticleRows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for row in self.iter() {
            seq.serialize_element(&row)?;
        }
        seq.end()
    }
}

/// Seven bits a byte, low bits first, the high bit set on all but the last.
fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A string whose length is written plus one, so that 0 can mean none.
fn put_str_plus_one(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64 + 1);
    out.extend_from_slice(s.as_bytes());
}

/// Decodes a row written by [`ArticleRows::push`]; the bytes are only ever
/// written by it, so they are well formed.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> u64 {
        let mut n = 0u64;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        n
    }

    fn count(&mut self) -> usize {
        self.varint() as usize
    }

    /// The next `len` bytes as text (they were pushed as a `&str`).
    fn text(&mut self, len: usize) -> String {
        let end = (self.at + len).min(self.bytes.len());
        let s = String::from_utf8_lossy(&self.bytes[self.at..end]).into_owned();
        self.at = end;
        s
    }

    fn row(mut self) -> ArticleStats {
        let name_len = self.count();
        let article = self.text(name_len);
        let date = match self.count() {
            0 => None,
            n => Some(self.text(n - 1)),
        };
        let mut counts = [0usize; 7];
        for c in &mut counts {
            *c = self.count();
        }
        let mut bits = [0u8; 8];
        let end = (self.at + 8).min(self.bytes.len());
        bits[..end - self.at].copy_from_slice(&self.bytes[self.at..end]);
        let [quotes, unattributed_quotes, speakers, claims, unattributed_claims, vague_claims, words] =
            counts;
        ArticleStats {
            article,
            quotes,
            unattributed_quotes,
            speakers,
            claims,
            unattributed_claims,
            vague_claims,
            unattributed_share: f64::from_bits(u64::from_le_bytes(bits)),
            date,
            words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(article: &str, date: Option<&str>, n: usize, share: f64) -> ArticleStats {
        ArticleStats {
            article: article.to_string(),
            quotes: n,
            unattributed_quotes: n / 2,
            speakers: 3,
            claims: n * 1000,
            unattributed_claims: 127,
            vague_claims: 128,
            unattributed_share: share,
            date: date.map(str::to_string),
            words: usize::MAX,
        }
    }

    /// Rows come back equal to those pushed, serialised as a list of them
    /// is, for every size of count and with or without a date or name.
    #[test]
    fn rows_come_back_as_pushed() {
        let rows = vec![
            row("a/b.txt", Some("2015-09-23"), 0, 0.0),
            row("", None, 300, 1.0 / 3.0),
            row("é/ü – x.md", Some(""), 1 << 40, f64::NAN),
            row("z", Some("2015-09"), 127, -0.0),
        ];
        let packed: ArticleRows = rows.iter().cloned().collect();
        assert_eq!(packed.len(), rows.len());
        assert_eq!(json(&packed), json(&rows));
        for (i, r) in rows.iter().enumerate() {
            let got = packed.get(i).map(|g| format!("{g:?}"));
            assert_eq!(got, Some(format!("{r:?}")));
        }
        assert!(packed.get(rows.len()).is_none());
        assert_eq!(ArticleRows::default().iter().count(), 0);
        assert_eq!(json(&ArticleRows::default()), "[]");
    }

    /// A list through `serde_json`, for the comparisons above.
    fn json<T: Serialize>(v: &T) -> String {
        serde_json::to_string_pretty(v).unwrap_or_default()
    }
}
