namespace Pipeline.TestSupport;

/// <summary>
/// Tiny projects for tests that run real tools: a Go module and a Cargo crate with the standard
/// library only (no network), each with passing, skipped and (on request) failing tests.
/// </summary>
public static class ToolProjects
{
    public const string GoModulePath = "example.com/calc";

    /// <summary>
    /// A Go module in <paramref name="directory"/>: package calc (Add, Sign) with tests, package util
    /// without tests. Tests: TestAdd and TestSignOfNegative pass, TestLater skips, TestSubtract fails when asked.
    /// </summary>
    public static void GoModule(TempRoot root, string directory, bool withFailingTest)
    {
        root.Write($"{directory}/go.mod", $"module {GoModulePath}\n\ngo 1.19\n");
        root.Write($"{directory}/calc/calc.go", """
            package calc

            // Add returns the sum.
            func Add(a, b int) int {
            	return a + b
            }

            // Sign returns -1, 0 or 1.
            func Sign(a int) int {
            	if a < 0 {
            		return -1
            	}
            	if a == 0 {
            		return 0
            	}
            	return 1
            }

            """);
        root.Write($"{directory}/util/util.go", "package util\n\n// Twice doubles.\nfunc Twice(a int) int { return a * 2 }\n");
        var failing = withFailingTest
            ? """

              func TestSubtract(t *testing.T) {
              	if got := Add(5, -3); got != 3 {
              		t.Fatalf("Add(5, -3) = %d, want 3", got)
              	}
              }

              """
            : "";
        root.Write($"{directory}/calc/calc_test.go", """
            package calc

            import "testing"

            func TestAdd(t *testing.T) {
            	if Add(1, 2) != 3 {
            		t.Fatal("1 + 2 is not 3")
            	}
            }

            func TestSignOfNegative(t *testing.T) {
            	if Sign(-4) != -1 {
            		t.Fatal("the sign of -4 is not -1")
            	}
            }

            func TestLater(t *testing.T) {
            	t.Skip("not yet")
            }

            """ + failing);
    }

    /// <summary>
    /// A Cargo library crate (<c>calc</c> unless named) in <paramref name="directory"/>: tests adds passes,
    /// slow is ignored, subtracts fails when asked; one doc-test passes.
    /// </summary>
    public static void CargoCrate(TempRoot root, string directory, bool withFailingTest, string name = "calc")
    {
        root.Write($"{directory}/Cargo.toml", $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        var failing = withFailingTest
            ? """

                  #[test]
                  fn subtracts() {
                      assert_eq!(add(5, -3), 3, "5 + -3");
                  }
              """
            : "";
        root.Write($"{directory}/src/lib.rs", $$"""
            /// Adds two numbers.
            ///
            /// ```
            /// assert_eq!({{name}}::add(2, 2), 4);
            /// ```
            pub fn add(a: i64, b: i64) -> i64 {
                a + b
            }

            #[cfg(test)]
            mod tests {
                use super::*;

                #[test]
                fn adds() {
                    assert_eq!(add(1, 2), 3);
                }

                #[test]
                #[ignore]
                fn slow() {}
            """ + failing + "\n}\n");
    }

    /// <summary>
    /// A .NET library <c>Calc</c> and its xunit test project <c>Calc.Tests</c> (with the coverlet
    /// collector) in <paramref name="directory"/>, using only packages the repository already restores.
    /// Tests: Adds passes, Later is skipped, Subtracts fails when asked. Covers Add, not Sign.
    /// </summary>
    public static void DotNetSolution(TempRoot root, string directory, bool withFailingTest)
    {
        root.Write($"{directory}/Calc/Calc.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        root.Write($"{directory}/Calc/Calculator.cs", """
            namespace Calc;

            public static class Calculator
            {
                public static int Add(int a, int b) => a + b;

                public static int Sign(int a)
                {
                    if (a < 0)
                    {
                        return -1;
                    }

                    return a == 0 ? 0 : 1;
                }
            }
            """);
        root.Write($"{directory}/Calc.Tests/Calc.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit.v3" Version="3.2.1" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="coverlet.collector" Version="8.0.1" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Calc/Calc.csproj" />
              </ItemGroup>
            </Project>
            """);
        var failing = withFailingTest ? "\n    [Fact]\n    public void Subtracts() => Assert.Equal(3, Calculator.Add(5, -3));\n" : "";
        root.Write($"{directory}/Calc.Tests/CalculatorSpecs.cs", $$"""
            using Calc;
            using Xunit;

            namespace Calc.Tests;

            public sealed class CalculatorSpecs
            {
                [Fact]
                public void Adds() => Assert.Equal(3, Calculator.Add(1, 2));

                [Fact(Skip = "not yet")]
                public void Later() => Assert.Fail("skipped");
            {{failing}}}
            """);
    }
}
