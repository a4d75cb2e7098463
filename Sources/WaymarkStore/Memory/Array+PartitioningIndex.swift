extension Array {
    /// The index of the first element for which `belongsAfter` holds, in an array where it
    /// holds for a suffix (binary search); `count` when it holds for none.
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
