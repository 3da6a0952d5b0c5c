namespace Pipeline.Delivery.Tests.Deployment.GitOps;

public sealed class KustomizeImageEditorSpecs
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string Kustomization = """
        # staging overlay: people edit resources, the pipeline edits images.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base   # the shared manifests
        images:
          - name: api
            newName: 127.0.0.1:5000/api   # set by the pipeline
            newTag: "1.0"
          - name: worker # not this one
            newTag: 2.0.0
        """;

    [Fact]
    public void Sets_name_tag_and_adds_the_digest_under_the_entry_leaving_every_other_character()
    {
        var text = Set(Kustomization, "api", ("newName", "ghcr.io/acme/api"), ("newTag", "3f2a1bc"), ("digest", Digest));

        Assert.Equal(Kustomization
            .Replace("newName: 127.0.0.1:5000/api   #", "newName: ghcr.io/acme/api   #", StringComparison.Ordinal)
            .Replace("newTag: \"1.0\"\n", $"newTag: \"3f2a1bc\"\n    digest: {Digest}\n", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Adds_missing_fields_at_the_entry_s_indentation_and_keeps_crlf_line_endings()
    {
        var crlf = "images:\r\n- name: api\r\nresources:\r\n- base\r\n";

        var text = Set(crlf, "api", ("newName", "ghcr.io/acme/api"), ("newTag", "1.2"));

        Assert.Equal("images:\r\n- name: api\r\n  newName: ghcr.io/acme/api\r\n  newTag: \"1.2\"\r\nresources:\r\n- base\r\n", text);
    }

    [Fact]
    public void The_same_values_change_nothing()
    {
        var once = Set(Kustomization, "worker", ("newTag", "3.0.0"));

        Assert.Equal(once, Set(once, "worker", ("newTag", "3.0.0")));
        Assert.Contains("  - name: worker # not this one\n    newTag: 3.0.0", once, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images:\n  - name: api\n", "web", "no images entry named 'web' (entries: api)")]
    [InlineData("resources:\n  - base\n", "api", "no images: list")]
    [InlineData("images:\n  - {name: api, newTag: x}\n", "api", "is a flow mapping")]
    [InlineData("images: [\n", "api", "not valid YAML at line")]
    [InlineData("- just\n- a list\n", "api", "not a kustomization")]
    [InlineData("images:\n  - name: api\n  - name: api\n", "api", "appears 2 times")]
    public void What_it_cannot_edit_is_one_line_saying_why(string text, string image, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Set(text, image, ("newTag", "1")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string Set(string text, string image, params (string Field, string Value)[] values) =>
        KustomizeImageEditor.Set(text, image, values.ToDictionary(v => v.Field, v => (string?)v.Value));
}
