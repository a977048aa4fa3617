//! The gold annotation schema of docs/gold-schema.md, read by `newsls eval`.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    pub language: Option<String>,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub unattributed_claims: Vec<GoldClaim>,
    #[serde(default)]
    pub attributed_claims: Vec<GoldClaim>,
    #[serde(default)]
    pub borderline: Vec<GoldBorderline>,
    /// Strings in quotation marks that are names, titles or terms, not
    /// anyone's words (ANNOTATION.md).
    #[serde(default)]
    pub non_speech_quote_marks: Vec<GoldTerm>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldActor {
    pub name: String,
    pub kind: Option<String>,
    #[serde(default)]
    pub mentions: Vec<String>,
    /// `false` for anonymous actors ("un membre de l'administration").
    #[serde(default = "yes")]
    pub named: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// Which occurrence of `text` in the article is meant, counting from 1,
    /// when it occurs more than once (ANNOTATION.md).
    pub occurrence: Option<usize>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldClaim {
    pub sentence: String,
    pub why: Option<String>,
    /// `unattributed-claim` (the default) or `vague-source`.
    pub code: Option<String>,
    pub source: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum GoldBorderline {
    Sentence { sentence: String },
    Text(String),
    Other(serde_json::Value),
}

impl GoldBorderline {
    pub fn sentence(&self) -> Option<&str> {
        match self {
            GoldBorderline::Sentence { sentence } | GoldBorderline::Text(sentence) => {
                Some(sentence)
            }
            GoldBorderline::Other(_) => None,
        }
    }
}

/// `{"text": …, "why": …}` or a plain string.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum GoldTerm {
    Term { text: String },
    Text(String),
    Other(serde_json::Value),
}

impl GoldTerm {
    pub fn text(&self) -> Option<&str> {
        match self {
            GoldTerm::Term { text } | GoldTerm::Text(text) => Some(text),
            GoldTerm::Other(_) => None,
        }
    }
}

impl Gold {
    pub fn parse(json: &str) -> Result<Gold, serde_json::Error> {
        serde_json::from_str(json)
    }
}
