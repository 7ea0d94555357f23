/// Character classes of CommonMark's delimiter rules (CommonMark 0.31, §2.1
/// and §6.2 "Emphasis and strong emphasis").
///
/// Parsers disagree on "punctuation": CommonMark 0.29/0.30 (cmark-gfm)
/// counts Unicode P* categories, 0.31 also S* (symbols, emoji). The renderer
/// accepts an emphasis delimiter only when it is valid under both readings,
/// so that every parser sees the same emphasis. cmark-gfm with the
/// strikethrough extension also treats `~` as no punctuation when it
/// flanks another delimiter run: a third reading.
enum MarkdownCharacterClass: Equatable {
    case whitespace
    case punctuation
    case other

    /// `nil` stands for the start or end of a line, which counts as whitespace.
    init(_ scalar: Unicode.Scalar?, symbolsArePunctuation: Bool, tildeIsPunctuation: Bool = true) {
        guard let scalar else {
            self = .whitespace
            return
        }
        if scalar == "~", !tildeIsPunctuation {
            self = .other
        } else if scalar.isMarkdownWhitespace {
            self = .whitespace
        } else if scalar.isMarkdownPunctuation(includingSymbols: symbolsArePunctuation) {
            self = .punctuation
        } else {
            self = .other
        }
    }
}

extension Unicode.Scalar {
    /// Unicode whitespace (Zs) plus tab, line feed, form feed, carriage return.
    var isMarkdownWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: return true
        case 0..<0x80: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }

    /// ASCII punctuation: ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``.
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    func isMarkdownPunctuation(includingSymbols: Bool) -> Bool {
        if value < 0x80 { return isASCIIPunctuation }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return includingSymbols
        default:
            return false
        }
    }

    var isASCIILetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}

/// CommonMark §6.2: whether a delimiter run between `before` and `after` can
/// open or close emphasis.
struct DelimiterFlanking {
    var canOpen: Bool
    var canClose: Bool

    init(delimiter: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?, symbolsArePunctuation: Bool, tildeIsPunctuation: Bool = true) {
        let p = MarkdownCharacterClass(before, symbolsArePunctuation: symbolsArePunctuation, tildeIsPunctuation: tildeIsPunctuation)
        let q = MarkdownCharacterClass(after, symbolsArePunctuation: symbolsArePunctuation, tildeIsPunctuation: tildeIsPunctuation)
        let leftFlanking = q != .whitespace && (q != .punctuation || p != .other)
        let rightFlanking = p != .whitespace && (p != .punctuation || q != .other)
        if delimiter == "_" {
            canOpen = leftFlanking && (!rightFlanking || p == .punctuation)
            canClose = rightFlanking && (!leftFlanking || q == .punctuation)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
    }

    /// Evaluated under every reading of "punctuation" (see `MarkdownCharacterClass`).
    static func readings(delimiter: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> [DelimiterFlanking] {
        [DelimiterFlanking(delimiter: delimiter, before: before, after: after, symbolsArePunctuation: false),
         DelimiterFlanking(delimiter: delimiter, before: before, after: after, symbolsArePunctuation: true),
         DelimiterFlanking(delimiter: delimiter, before: before, after: after, symbolsArePunctuation: false, tildeIsPunctuation: false)]
    }
}
