namespace Pipeline.Delivery.Tests.Deployment.GitOps;

public sealed class YamlScalarEditorSpecs
{
    private const string Values = """
        # Staging values for the api chart.
        replicaCount: 2
        image:
          repository: ghcr.io/acme/api   # set by the pipeline
          tag: "1.0.0"
          pullPolicy: IfNotPresent
        sidecar:
          image:
            tag: 9.9.9
        services:
          api:
            image:
              tag: old # keep this comment
          worker:
            image: {repository: w, tag: x}
        notes: |
          image:
            tag: not-a-key
        containers:
          - name: api
            tag: in-a-list

        """;

    [Fact]
    public void Changes_only_the_value_of_the_named_key_and_keeps_its_quotes()
    {
        var edit = YamlScalarEditor.Set(Values, "image.tag", "3f2a1bc");

        Assert.True(edit.Changed);
        Assert.Equal("1.0.0", edit.OldValue);
        Assert.Equal(5, edit.Line);
        Assert.Equal(Values.Replace("tag: \"1.0.0\"", "tag: \"3f2a1bc\"", StringComparison.Ordinal), edit.Text);
    }

    [Fact]
    public void Finds_a_deeper_path_and_keeps_the_comment_after_the_value()
    {
        var edit = YamlScalarEditor.Set(Values, "services.api.image.tag", "3f2a1bc");

        Assert.Equal("old", edit.OldValue);
        Assert.Equal(Values.Replace("tag: old # keep", "tag: 3f2a1bc # keep", StringComparison.Ordinal), edit.Text);
    }

    [Fact]
    public void Sets_a_plain_value_with_a_trailing_comment()
    {
        var edit = YamlScalarEditor.Set(Values, "image.repository", "127.0.0.1:5000/api");

        Assert.Equal(Values.Replace("repository: ghcr.io/acme/api   #", "repository: 127.0.0.1:5000/api   #", StringComparison.Ordinal), edit.Text);
    }

    [Fact]
    public void Quotes_a_tag_yaml_would_read_as_a_number()
    {
        var edit = YamlScalarEditor.Set(Values, "sidecar.image.tag", "1234567");

        Assert.Contains("\n    tag: \"1234567\"\n", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_the_value_it_already_has_returns_the_same_text()
    {
        var edit = YamlScalarEditor.Set(Values, "image.tag", "1.0.0");

        Assert.False(edit.Changed);
        Assert.Same(Values, edit.Text);
    }

    [Fact]
    public void Keeps_windows_line_endings()
    {
        var text = "image:\r\n  tag: a\r\n  pullPolicy: Always\r\n";

        Assert.Equal("image:\r\n  tag: b\r\n  pullPolicy: Always\r\n", YamlScalarEditor.Set(text, "image.tag", "b").Text);
    }

    [Theory]
    [InlineData("missing.tag", "No key 'missing.tag'")]
    [InlineData("notes.image.tag", "No key 'notes.image.tag'")]
    [InlineData("containers.tag", "No key 'containers.tag'")]
    [InlineData("services.worker.image.tag", "flow mapping")]
    [InlineData("image", "not a one-line scalar")]
    public void Refuses_what_it_cannot_edit_exactly(string path, string message)
    {
        var error = Assert.Throws<FormatException>(() => YamlScalarEditor.Set(Values, path, "v"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
