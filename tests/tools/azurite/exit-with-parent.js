// Preloaded into Azurite (node --require) by Start-TestAzurite in tests/Pester/KooPhoneTestHelpers.psm1:
// the test process holds Azurite's stdin open, so when that process ends, however it ends, stdin
// reaches its end and Azurite exits instead of outliving the test run.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
