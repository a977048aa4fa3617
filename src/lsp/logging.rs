//! The server's log lines go to the editor as `window/logMessage`, with the
//! message type of their level, so an editor shows INFO as info and not,
//! as it does for anything on stderr, as an error.
//!
//! [`client_layer`] is a tracing layer that queues newsls's events (other
//! crates' events stay out: the client's own sending logs through tracing,
//! and would loop); once the server has its client, [`forward_to`] sends
//! the queue to it, in order, and everything logged afterwards. stderr is
//! left to startup and fatal errors, or to whoever asks for it with
//! `NEWSLS_LOG` (see `main.rs`).

use std::fmt::Write as _;
use std::sync::Mutex;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::Client;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

type LogLine = (MessageType, String);

/// The queue between the layer and the client, taken by the first server
/// of the process (the binary runs one).
static QUEUE: Mutex<Option<UnboundedReceiver<LogLine>>> = Mutex::new(None);

/// The LSP message type for a tracing level.
pub fn message_type(level: Level) -> MessageType {
    match level {
        Level::ERROR => MessageType::ERROR,
        Level::WARN => MessageType::WARNING,
        Level::INFO => MessageType::INFO,
        _ => MessageType::LOG,
    }
}

/// A tracing layer that sends newsls's events to the editor. Install it
/// once, before the server starts.
pub fn client_layer() -> ClientLayer {
    let (tx, rx) = unbounded_channel();
    *QUEUE.lock().unwrap_or_else(|p| p.into_inner()) = Some(rx);
    ClientLayer { tx }
}

/// Sends what the layer logs to `client`, from now on, if a layer was
/// installed and no other server took its queue.
pub(super) fn forward_to(client: Client) {
    let Some(mut rx) = QUEUE.lock().unwrap_or_else(|p| p.into_inner()).take() else {
        return;
    };
    tokio::spawn(async move {
        while let Some((typ, message)) = rx.recv().await {
            client.log_message(typ, message).await;
        }
    });
}

pub struct ClientLayer {
    tx: UnboundedSender<LogLine>,
}

impl<S: Subscriber> Layer<S> for ClientLayer {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let meta = event.metadata();
        if !meta.target().starts_with("newsls") {
            return;
        }
        let mut text = Text::default();
        event.record(&mut text);
        // No receiver (the server has ended): nothing to tell.
        let _ = self.tx.send((message_type(*meta.level()), text.0));
    }
}

/// An event as one line: its message, then its other fields as `k=v`.
#[derive(Default)]
struct Text(String);

impl Visit for Text {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.insert_str(0, value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0.insert_str(0, &format!("{value:?}"));
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing_subscriber::layer::SubscriberExt;

    #[test]
    fn levels_map_to_message_types() {
        assert_eq!(message_type(Level::ERROR), MessageType::ERROR);
        assert_eq!(message_type(Level::WARN), MessageType::WARNING);
        assert_eq!(message_type(Level::INFO), MessageType::INFO);
        assert_eq!(message_type(Level::DEBUG), MessageType::LOG);
        assert_eq!(message_type(Level::TRACE), MessageType::LOG);
    }

    #[test]
    fn newsls_events_are_queued_as_text_and_others_are_not() {
        let (tx, mut rx) = unbounded_channel();
        let subscriber = tracing_subscriber::registry().with(ClientLayer { tx });
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(articles = 3, "indexed {} articles", 3);
            tracing::warn!(target: "tower_lsp_server", "not ours");
            tracing::error!("dropped a frame");
        });
        assert_eq!(
            rx.try_recv().ok(),
            Some((
                MessageType::INFO,
                "indexed 3 articles articles=3".to_string()
            ))
        );
        assert_eq!(
            rx.try_recv().ok(),
            Some((MessageType::ERROR, "dropped a frame".to_string()))
        );
        assert!(rx.try_recv().is_err());
    }
}
