import Scanner

/// The live scanner under a name Foundation's `Scanner` cannot shadow in files that import both.
typealias LiveScanner = Scanner
