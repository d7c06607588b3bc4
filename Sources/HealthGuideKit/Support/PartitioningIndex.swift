extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isInSecondPart` is true, in a collection where
    /// every such element comes after every other one (as in swift-algorithms): a binary search.
    func partitioningIndex(where isInSecondPart: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isInSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
