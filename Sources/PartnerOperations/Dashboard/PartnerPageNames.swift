import EvidenceVerifier

/// The file names of the pages written beside a dashboard for one partner: its latest report and its
/// history. Only a valid ODS code (letters and digits) ever names a file.
public enum PartnerPageNames {
    public static func latestReport(_ odsCode: String) -> String? {
        ODSCode.isValid(odsCode) ? "\(odsCode)-latest.html" : nil
    }

    public static func history(_ odsCode: String) -> String? {
        ODSCode.isValid(odsCode) ? "\(odsCode)-history.html" : nil
    }
}
