using Pipeline.Components.Formatting;

namespace Pipeline.Components.Tests.Formatting;

public sealed class DotNetFormatReportSpecs
{
    [Fact]
    public void The_report_lists_each_changed_document_once_relative_to_the_root()
    {
        const string Json = """
            [
              { "DocumentId": { "ProjectId": { "Id": "4c4b" }, "Id": "6fb6" }, "FileName": "Class1.cs", "FilePath": "/repo/src/App/Class1.cs",
                "FileChanges": [ { "LineNumber": 9, "CharNumber": 9, "DiagnosticId": "WHITESPACE", "FormatDescription": "Fix whitespace formatting. Delete 2 characters." } ] },
              { "DocumentId": { "ProjectId": { "Id": "9a9a" }, "Id": "6fb6" }, "FileName": "Class1.cs", "FilePath": "/repo/src/App/Class1.cs", "FileChanges": [] },
              { "FileName": "A.cs", "FilePath": "/repo/src/App/A.cs", "FileChanges": [] }
            ]
            """;

        var files = DotNetFormatReport.Files(Json, new AbsolutePath("/repo"));

        Assert.Equal(["src/App/A.cs", "src/App/Class1.cs"], files);
    }

    [Fact]
    public void An_empty_report_means_nothing_to_format()
    {
        Assert.Empty(DotNetFormatReport.Files("[]", new AbsolutePath("/repo")));
    }
}
