namespace Pipeline.Probes;

public enum ProbeMode
{
    Quick,
    Thorough,
}

public static class ProbeParameters
{
    public static readonly Parameter<string> ApiKey = Parameter.Secret("The secret every leak probe tries to print");
    public static readonly Parameter<string> Version = Parameter.Create<string>("A required value");
    public static readonly Parameter<ProbeMode> Mode = Parameter.Create("An enumeration", ProbeMode.Quick);
    public static readonly Parameter<string[]> Labels = Parameter.Create<string[]>("An array");
}
