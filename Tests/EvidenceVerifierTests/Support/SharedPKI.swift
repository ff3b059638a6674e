import PKIFixtures

/// The one test PKI every suite uses (bundle signers, report signers, HSCN certificates, TLS test servers):
/// key generation is the slow part, and the certificates never change.
let sharedPKI = TestPKI()
