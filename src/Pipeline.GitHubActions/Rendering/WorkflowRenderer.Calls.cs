namespace Pipeline.GitHubActions;

/// <summary>Reusable workflows: the <c>workflow_call</c> trigger, and a job that calls one.</summary>
internal static partial class WorkflowRenderer
{
    private static void AddCallTrigger(YamlTree.Map on, WorkflowCallModel? call)
    {
        if (call is null)
        {
            return;
        }

        var inputs = new YamlTree.Map();
        foreach (var input in call.Inputs)
        {
            inputs.Add(input.Id, new YamlTree.Map()
                .Add("description", input.Description)
                .Add("type", DispatchInputs.Name(input.Type))
                .Add("required", YamlTree.Bool(input.Required))
                .Add("default", input.Default is null ? null : DispatchDefault(input)));
        }

        var secrets = new YamlTree.Map();
        foreach (var secret in call.Secrets)
        {
            secrets.Add(secret, new YamlTree.Map().Add("required", YamlTree.Bool(true)));
        }

        var outputs = new YamlTree.Map();
        foreach (var output in call.Outputs)
        {
            outputs.Add(output.Id, new YamlTree.Map().Add("description", output.Description).Add("value", output.Value));
        }

        on.Add("workflow_call", new YamlTree.Map()
            .Add("inputs", inputs.IsEmpty ? null : inputs)
            .Add("secrets", secrets.IsEmpty ? null : secrets)
            .Add("outputs", outputs.IsEmpty ? null : outputs));
    }

    /// <summary>A calling job has no runner or steps: GitHub allows only these keys on it.</summary>
    private static YamlTree.Map CallJob(JobModel job, CallModel call)
    {
        var map = new YamlTree.Map()
            .Add("name", job.Name)
            .Add("needs", job.Needs.Count == 0 ? null : YamlTree.List(job.Needs))
            .Add("if", job.If)
            .Add("permissions", job.Permissions is { } p ? Permissions(p) : null)
            .Add("strategy", job.Matrix is { } matrix ? MatrixRenderer.Strategy(matrix, job.MatrixFrom) : CallMatrix(call))
            .Add("uses", YamlTree.Text(call.Uses, call.UsesComment));
        if (call.With.Count > 0)
        {
            var with = new YamlTree.Map();
            foreach (var input in call.With)
            {
                with.Add(input.Id, input.Kind is CallValueKind.Boolean or CallValueKind.Number ? YamlTree.Plain(input.Value) : YamlTree.Text(input.Value));
            }

            map.Add("with", with);
        }

        if (call.Inherit)
        {
            map.Add("secrets", "inherit");
        }
        else if (call.Secrets.Count > 0)
        {
            map.Add("secrets", Env(call.Secrets));
        }

        return map;
    }

    private static YamlTree.Map? CallMatrix(CallModel call)
    {
        if (call.Matrix.Count == 0)
        {
            return null;
        }

        var axes = new YamlTree.Map();
        foreach (var (axis, values) in call.Matrix)
        {
            axes.Add(axis, YamlTree.List(values, flow: false));
        }

        return new YamlTree.Map().Add("fail-fast", YamlTree.Bool(false)).Add("matrix", axes);
    }
}
