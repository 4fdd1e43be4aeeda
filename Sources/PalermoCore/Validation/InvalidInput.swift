/// One thing wrong with a client's input: which field (or file position) and what.
public struct FieldProblem: Sendable, Equatable, Codable {
    public var field: String
    public var detail: String

    public init(_ field: String, _ detail: String) {
        self.field = field
        self.detail = detail
    }
}

/// Every problem of one submission, reported together so the client can fix them in one go.
public struct InvalidInput: Error, Sendable, Equatable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }

    /// Throws when any problem was collected.
    public static func check(_ problems: [FieldProblem]) throws {
        if !problems.isEmpty { throw InvalidInput(problems) }
    }
}
