import Foundation

/// The bytes a signature covers.
public enum SignedContent: Sendable {
    case data(Data)
    case file(URL)

    func bio() throws -> OpenSSLBIO {
        switch self {
        case .data(let data): try OpenSSLBIO(data)
        case .file(let url): try OpenSSLBIO(readingFile: url)
        }
    }
}
