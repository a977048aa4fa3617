//! Work over a stream of items in parallel with results in input order and
//! memory bounded by a few batches, whatever the length of the stream:
//! what `check`, `extract` and `stats` over folders and `--stdin` run on.
//!
//! The calling thread pulls the next batch (walking folders, reading
//! stdin) and consumes finished results (aggregating, writing) while the
//! rayon pool works on the batch before: reading, analysis and writing
//! overlap, and at most three batches are alive at once. The calling
//! thread's source and sink need not be `Send` (a locked stdin or stdout).

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

/// Items per batch: enough for every thread of the pool to stay busy to
/// the end of a batch.
pub fn batch_size() -> usize {
    256.max(16 * rayon::current_num_threads())
}

/// Maps `work` over the items of `batches` on the rayon pool and hands the
/// results to `sink` batch by batch, in input order, on the calling
/// thread. Stops at the first error of the source or the sink and returns
/// it.
pub fn par_map_ordered<J, T, E>(
    batches: impl IntoIterator<Item = Result<Vec<J>, E>>,
    work: impl Fn(J) -> T + Sync,
    mut sink: impl FnMut(Vec<T>) -> Result<(), E>,
) -> Result<(), E>
where
    J: Send,
    T: Send,
{
    std::thread::scope(|scope| {
        let (jobs_tx, jobs_rx) = sync_channel::<Vec<J>>(1);
        let (done_tx, done_rx) = sync_channel::<Vec<T>>(1);
        let work = &work;
        scope.spawn(move || {
            for batch in jobs_rx {
                let done: Vec<T> = batch.into_par_iter().map(work).collect();
                if done_tx.send(done).is_err() {
                    return;
                }
            }
        });
        // Sent and not yet received: the pool works on one batch while the
        // next waits in the channel or is being read.
        let mut in_flight = 0usize;
        for batch in batches {
            let batch = batch?;
            if batch.is_empty() {
                continue;
            }
            if jobs_tx.send(batch).is_err() {
                break;
            }
            in_flight += 1;
            if in_flight > 1 {
                match done_rx.recv() {
                    Ok(done) => sink(done)?,
                    Err(_) => break,
                }
                in_flight -= 1;
            }
        }
        drop(jobs_tx);
        for done in done_rx {
            sink(done)?;
        }
        Ok(())
    })
}

/// Cuts an iterator into batches of `size` items.
pub fn batches<I: Iterator>(items: I, size: usize) -> impl Iterator<Item = Vec<I::Item>> {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        items.peek()?;
        Some(items.by_ref().take(size).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let input: Vec<usize> = (0..5000).collect();
        let mut seen = Vec::new();
        let res: Result<(), ()> = par_map_ordered(
            batches(input.iter().copied(), 37).map(Ok),
            |i| {
                // Uneven work, so later items often finish first.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                i
            },
            |done| {
                seen.extend(done);
                Ok(())
            },
        );
        assert_eq!(res, Ok(()));
        assert_eq!(seen, input);
    }

    #[test]
    fn errors_of_the_source_and_the_sink_stop_the_run() {
        let source = (0..10).map(|i| if i == 3 { Err("read") } else { Ok(vec![i]) });
        let mut seen = Vec::new();
        let res = par_map_ordered(
            source,
            |i| i,
            |done| {
                seen.extend(done);
                Ok(())
            },
        );
        assert_eq!(res, Err("read"));
        assert!(seen.len() <= 3 && seen.iter().enumerate().all(|(k, &i)| k == i));

        let mut n = 0;
        let res = par_map_ordered(
            batches(0..10_000, 10).map(Ok),
            |i| i,
            |_| {
                n += 1;
                if n == 15 {
                    Err("write")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(res, Err("write"));
        assert_eq!(n, 15);
    }
}
