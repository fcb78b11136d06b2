//! Two pieces of start-up work on two cores.

/// Runs `there` on a thread of its own while this thread runs `here`, or both here, one after
/// the other, when no thread can be had. `there`'s result is `None` when it panicked.
pub(crate) fn both<A: Send, B>(
    there: impl Fn() -> A + Sync,
    here: impl FnOnce() -> B,
) -> (Option<A>, B) {
    std::thread::scope(
        |scope| match std::thread::Builder::new().spawn_scoped(scope, &there) {
            Ok(handle) => {
                let b = here();
                (handle.join().ok(), b)
            }
            Err(_) => (Some(there()), here()),
        },
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_results_come_back() {
        let (a, b) = super::both(|| 2 + 2, || "here");
        assert_eq!((a, b), (Some(4), "here"));
    }
}
