namespace Pipeline.Delivery;

/// <summary>A settings type's own validation message, shown to the user without .NET's " (Parameter 'x')" tail.</summary>
internal static class ArgumentMessages
{
    public static string WithoutParameterName(this ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
