/// ODS organisation codes: 1 to 9 ASCII letters and digits (`RR8`, `B86041`, `QWO`).
public enum ODSCode {
    public static func isValid(_ code: String) -> Bool {
        (1...9).contains(code.utf8.count) && code.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
