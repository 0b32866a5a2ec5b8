/// Runs `transform` over `items` with at most `limit` calls in flight and returns the results in
/// input order, so that fan-out never changes what a snapshot says.
///
/// A task group that starts a new child only when one finishes: the bound holds without any
/// semaphore, and the output order comes from the index each child carries, not from timing.
/// With a `tracker`, the items are added to the calls planned and each one counts as done when
/// it finishes, for the progress line's done/total.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, tracker: ProgressTracker? = nil, _ transform: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    if items.isEmpty { return [] }
    tracker?.plan(items.count)
    let width = max(1, min(limit, items.count))
    return await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<width {
            let index = next
            group.addTask { (index, await transform(items[index])) }
            next += 1
        }
        while let (index, result) = await group.next() {
            results[index] = result
            tracker?.step()
            if next < items.count {
                let index = next
                group.addTask { (index, await transform(items[index])) }
                next += 1
            }
        }
        return results.compactMap { $0 }
    }
}
