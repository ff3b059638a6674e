// PKIFixtures: filled in below.
