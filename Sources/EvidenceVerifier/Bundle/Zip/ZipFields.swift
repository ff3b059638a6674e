/// Little-endian fields of a zip record read into memory; callers read only offsets the record holds.
struct ZipFields {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func uint16(at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    /// `count` bytes from `offset`.
    func slice(at offset: Int, count: Int) -> [UInt8] {
        Array(bytes[offset..<offset + count])
    }
}
