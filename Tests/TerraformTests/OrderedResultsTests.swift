import Foundation
import Testing

@testable import Terraform

/// The loading thread decodes files in order while parsing threads finish them in any order.
@Suite("Results taken in order while threads produce them")
struct OrderedResultsTests {
    @Test("every item is claimed once and taken in order, whatever order the threads finish in")
    func inOrder() {
        let count = 200
        let results = OrderedResults<String>(count: count)
        let running = LargeStackThread.startAll((0..<3).map { worker in
            {
                while let index = results.claim() {
                    // Uneven work, so that later items often finish first.
                    if (index + worker) % 7 == 0 { usleep(200) }
                    results.put("item \(index)", at: index)
                }
            }
        })
        var taken: [String?] = []
        for index in 0..<count { taken.append(results.take(index) ?? nil) }
        LargeStackThread.joinAll(running)
        #expect(taken == (0..<count).map { "item \($0)" })
        #expect(results.claim() == nil)
    }

    @Test("a file that cannot be parsed in parallel still reaches the consumer in its place")
    func nilResults() {
        let results = OrderedResults<Int?>(count: 3)
        results.put(nil, at: 1)
        results.put(7, at: 2)
        results.put(5, at: 0)
        #expect(results.take(0) == .some(5))
        #expect(results.take(1) == .some(nil))
        #expect(results.take(2) == .some(7))
    }
}
