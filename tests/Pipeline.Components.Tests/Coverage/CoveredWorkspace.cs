namespace Pipeline.Components.Tests.Coverage;

/// <summary>
/// A std-only Cargo workspace whose coverage is known: crate calc covers 6 of 9 lines (add and double
/// run from its tests/ folder, negate does not), crate util 0 of 3 (no tests): 6 of 12, 50%. The
/// lines of tests/calc.rs, which all run, must not count.
/// </summary>
internal static class CoveredWorkspace
{
    public static void Write(TempRoot root, string directory, bool withProfileOfANewerLlvm = false)
    {
        root.Write($"{directory}/Cargo.toml", "[workspace]\nresolver = \"2\"\nmembers = [\"crates/calc\", \"crates/util\"]\n");
        root.Write($"{directory}/crates/calc/Cargo.toml", "[package]\nname = \"calc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        root.Write($"{directory}/crates/util/Cargo.toml", "[package]\nname = \"util\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        root.Write($"{directory}/crates/calc/src/lib.rs", """
            pub fn add(a: i32, b: i32) -> i32 {
                a + b
            }

            pub fn double(a: i32) -> i32 {
                a * 2
            }

            pub fn negate(a: i32) -> i32 {
                -a
            }

            """);
        root.Write($"{directory}/crates/util/src/lib.rs", "pub fn twice(a: i32) -> i32 {\n    a * 2\n}\n");
        root.Write($"{directory}/crates/calc/tests/calc.rs", """
            #[test]
            fn adds() {
                assert_eq!(calc::add(2, 3), 5);
            }

            #[test]
            fn doubles() {
                assert_eq!(calc::double(4), 8);
            }

            """ + (withProfileOfANewerLlvm ? NewerProfile : ""));
    }

    // A raw profile header as an LLVM newer than any installed one writes it: the magic, then version 99.
    private const string NewerProfile = """

        #[test]
        fn leaves_a_profile_of_a_newer_llvm() {
            let pattern = std::env::var("LLVM_PROFILE_FILE").expect("coverage sets LLVM_PROFILE_FILE");
            let folder = std::path::Path::new(&pattern).parent().unwrap();
            let mut header = Vec::new();
            header.extend_from_slice(&0xff6c_7072_6f66_7281u64.to_le_bytes());
            header.extend_from_slice(&99u64.to_le_bytes());
            header.resize(256, 0);
            std::fs::write(folder.join("newer-llvm.profraw"), header).unwrap();
        }

        """;
}
