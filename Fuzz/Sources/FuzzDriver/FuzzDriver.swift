/// The one-input callback libFuzzer calls.
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzInput) -> Int32

/// Runs libFuzzer's driver with the process's arguments over `callback`. SwiftPM names an executable's
/// entry point `<target>_main`, so each fuzz target defines that symbol and calls this, instead of
/// relying on libFuzzer's own `main`.
public func runFuzzer(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzInput) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}
