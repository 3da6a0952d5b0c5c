namespace Pipeline;

/// <summary>The process exit codes, decided in one place.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A target failed (or was canceled by its timeout).</summary>
    public const int TargetFailed = 1;

    /// <summary>Bad input: an unknown target or option, a bad or missing parameter, a missing tool. Nothing has run.</summary>
    public const int Usage = 2;

    /// <summary>The pipeline's code is wrong: a cycle, two targets with one name, a constructor that throws.</summary>
    public const int Definition = 3;

    /// <summary>A bug in Pipeline itself: the message asks for a report with the stack trace shown.</summary>
    public const int EngineBug = 4;

    /// <summary>128 + SIGINT, what shells report for an interrupted command.</summary>
    public const int Canceled = 130;
}
