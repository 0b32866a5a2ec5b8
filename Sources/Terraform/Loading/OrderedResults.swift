import Foundation

/// Work items handed out in order to several threads, whose results the consuming thread takes
/// back in the same order as they are ready: the files of a module parse in parallel while the
/// loading thread decodes those already parsed.
final class OrderedResults<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Result?]
    private var ready: [Bool]
    private var next = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        ready = Array(repeating: false, count: count)
    }

    /// The next item nobody has claimed, or nil when all are.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
    }

    func put(_ result: Result, at index: Int) {
        condition.lock()
        slots[index] = result
        ready[index] = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until item `index` is done, and hands its result over (the slot lets go of it).
    func take(_ index: Int) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while !ready[index] { condition.wait() }
        defer { slots[index] = nil }
        return slots[index]
    }
}
