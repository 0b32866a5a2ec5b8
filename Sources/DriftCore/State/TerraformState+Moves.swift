import DriftModel

extension TerraformState {
    /// The state as `terraform plan` sees it after the configuration's `moved` blocks: each
    /// instance recorded at a `from` address is at its `to` address instead. As in Terraform, a
    /// move onto an address the state already holds is skipped, and chains (`a` → `b`, `b` → `c`)
    /// end at the last address.
    public func applying(_ moves: [MoveStatement]) -> TerraformState {
        guard !moves.isEmpty else { return self }
        var instances = self.instances
        // Each pass follows every statement once; a chain of n statements settles within n passes.
        for _ in 0...moves.count {
            var changed = false
            for move in moves {
                var renames: [(old: String, new: String)] = []
                for key in instances.keys.sorted() {
                    guard let address = ResourceAddress(parsing: key), let target = address.moved(by: move) else { continue }
                    let new = target.description
                    if new != key { renames.append((key, new)) }
                }
                // Terraform skips a move whose destination is already occupied.
                guard !renames.contains(where: { instances[$0.new] != nil }) else { continue }
                for rename in renames {
                    guard var instance = instances.removeValue(forKey: rename.old) else { continue }
                    instance.address = rename.new
                    instances[rename.new] = instance
                    changed = true
                }
            }
            if !changed { break }
        }
        var moved = self
        moved.instances = instances
        return moved
    }

    /// The state without what `removed` blocks with `destroy = false` make Terraform forget.
    public func forgetting(_ endpoints: [ResourceAddress]) -> TerraformState {
        guard !endpoints.isEmpty else { return self }
        var kept = self
        kept.instances = instances.filter { key, _ in
            guard let address = ResourceAddress(parsing: key) else { return true }
            return !endpoints.contains { address.isWithin($0) }
        }
        return kept
    }
}
