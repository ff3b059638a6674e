import Foundation
import ZIPFoundation

/// Writes zip archives for tests, including hostile ones no honest tool would make.
enum ZipWriter {
    /// One entry: a file with bytes, or a symbolic link to a target.
    enum Entry {
        case file(String, Data)
        case symlink(String, target: String)
    }

    static func write(_ entries: [Entry], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_775_044_800)
        for entry in entries {
            switch entry {
            case .file(let path, let data):
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            case .symlink(let path, let target):
                let data = Data(target.utf8)
                try archive.addEntry(with: path, type: .symlink, uncompressedSize: Int64(data.count), modificationDate: date) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
    }

    /// Zips every file of a folder (paths relative to it), optionally under a top folder name.
    static func zip(folder: URL, to url: URL, under prefix: String? = nil) throws {
        let base = folder.path + "/"
        let paths = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.sorted()
        let files = try paths.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.map { path in Entry.file(prefix.map { "\($0)/\(path)" } ?? path, try Data(contentsOf: URL(fileURLWithPath: base + path))) }
        try write(files, to: url)
    }
}
