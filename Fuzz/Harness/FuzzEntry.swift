import Foundation

/// libFuzzer's entry point: one input, the bytes of one archive file.
/// Any finding of `ArticleOracle` stops the run with the input saved
/// (`abort`, which libFuzzer reports as a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let findings = ArticleOracle.findings(bytes, show: showStages ? { print("===== \($0)\n\($1)") } : nil)
    guard findings.isEmpty else {
        for finding in findings { fputs("bindery-fuzz finding: \(finding)\n", stderr) }
        abort()
    }
    return 0
}

private let showStages = ProcessInfo.processInfo.environment["BINDERY_FUZZ_SHOW"] != nil
