//! Renaming an actor: every mention written with its canonical name (or a
//! registry alias equal to it) becomes the new name; short names, pronouns
//! and descriptions are left as written.

use super::Snapshot;
use crate::analysis::{actor_key, MentionKind};
use crate::text::{fold, TextRange};

/// Edits (range, new text) in one document for renaming the actor with
/// canonical-name key `key` (whose current name is `old_name`).
pub fn edits(
    snap: &Snapshot,
    key: &str,
    old_name: &str,
    new_name: &str,
) -> Vec<(TextRange, String)> {
    let a = &snap.analysis;
    let text = snap.text();
    let old = fold(old_name);
    a.actors
        .iter()
        .filter(|actor| actor_key(&actor.name) == key)
        .flat_map(|actor| actor.mentions.iter().map(|&m| &a.mentions[m]))
        .filter(|m| m.kind == MentionKind::Name && fold(&text[m.range.as_range()]) == old)
        .map(|m| (m.range, new_name.to_string()))
        .collect()
}

/// The `name = "…"` value of the actor's `[[actor]]` entry in the text of a
/// `newsls.toml`, to rename it there too.
pub fn settings_edit(
    toml_text: &str,
    old_name: &str,
    new_name: &str,
) -> Option<(TextRange, String)> {
    let needle_start = toml_text.match_indices("name").find_map(|(i, _)| {
        let rest = &toml_text[i + 4..];
        let after_eq = rest.trim_start().strip_prefix('=')?.trim_start();
        let value = after_eq.strip_prefix('"')?;
        let end = value.find('"')?;
        (value[..end] == *old_name).then(|| {
            let start = toml_text.len() - value.len();
            (start, start + end)
        })
    })?;
    let escaped = new_name.replace('\\', "\\\\").replace('"', "\\\"");
    Some((TextRange::new(needle_start.0, needle_start.1), escaped))
}

#[cfg(test)]
mod tests {
    use super::super::{fixture, navigation};
    use super::*;

    #[test]
    fn renames_full_name_mentions_only() {
        let f =
            fixture::parse("Barack Obama$0 arrive. Plus tard, Obama a parlé. Barack Obama repart.");
        let (_, key) = navigation::actor_at(&f.snapshot, f.cursor).unwrap();
        let e = edits(&f.snapshot, &key, "Barack Obama", "Barack H. Obama");
        let text = f.snapshot.text();
        let targets: Vec<&str> = e.iter().map(|(r, _)| &text[r.as_range()]).collect();
        assert_eq!(targets, ["Barack Obama", "Barack Obama"]);
    }

    #[test]
    fn renames_the_registry_entry() {
        let toml = "[[actor]]\nname = \"Xi Jinping\"\nkind = \"person\"\n";
        let (r, new) = settings_edit(toml, "Xi Jinping", "Xi \"Jinping\"").unwrap();
        assert_eq!(&toml[r.as_range()], "Xi Jinping");
        assert_eq!(new, "Xi \\\"Jinping\\\"");
        assert!(settings_edit(toml, "Obama", "X").is_none());
    }
}
