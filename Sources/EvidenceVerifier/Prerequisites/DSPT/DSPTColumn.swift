/// The columns of `dspt-assessment` evidence (DESIGN §3): the DSPT organisation-search export or
/// the national published-status list.
enum DSPTColumn: Int, CSVColumns {
    case code, name, status, published, year

    var name: String {
        switch self {
        case .code: "Organisation Code"
        case .name: "Organisation Name"
        case .status: "Status"
        case .published: "Date Published"
        case .year: "Financial Year"
        }
    }

    var aliases: [String] {
        switch self {
        case .code: ["ODS Code", "Org Code", "Code"]
        case .name: []
        // The national published-status CSV before 2023.
        case .status: ["Latest Status"]
        case .published: ["Published", "Publication Date", "Date Of Publication"]
        case .year: ["Assessment Year"]
        }
    }

    var isRequired: Bool {
        switch self {
        case .code, .status, .published: true
        case .name, .year: false
        }
    }
}
