/// An organisation's name reduced for comparison, so the same name written two ways compares equal:
/// case, whitespace and punctuation are ignored, `&` reads as `and`, and `Ltd` as `Limited`
/// (`St. Mary's Care Home Ltd` and `ST MARYS CARE HOME LIMITED` are the same name).
struct OrganisationName: Equatable {
    let words: [String]

    init(_ name: String) {
        var words: [String] = []
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            words.append(word == "ltd" ? "limited" : word)
            word = ""
        }
        for character in name.lowercased() {
            if character == "&" {
                endWord()
                words.append("and")
            } else if character.isLetter || character.isNumber {
                word.append(character)
            } else if character.isWhitespace || character == "-" || character == "/" || character == "," || character == "." && word.count > 1 {
                endWord()
            }
            // Other punctuation (apostrophes, brackets, a dot inside an initialism) is dropped inside the word.
        }
        endWord()
        self.words = words
    }
}
