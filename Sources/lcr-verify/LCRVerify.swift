import ArgumentParser
import EvidenceVerifier
@main struct LCRVerify: ParsableCommand {}
