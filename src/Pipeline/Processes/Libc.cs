using System.Runtime.InteropServices;

namespace Pipeline.Processes;

/// <summary>The two calls .NET has no API for: sending a signal other than SIGKILL, and becoming a child subreaper.</summary>
internal static class Libc
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    private const int PrSetChildSubreaper = 36;

    /// <summary>Linux only. False if the kernel refused (it never does for one's own process).</summary>
    public static bool BecomeChildSubreaper() => Prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0;

    /// <summary>Sends <paramref name="signal"/>; false if the process is gone or not ours to signal.</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    /// <summary>
    /// Reaps <paramref name="pid"/> if it has exited (<c>waitpid(pid, WNOHANG)</c>); only ever for an
    /// adopted child .NET does not track (see <see cref="AdoptedZombies"/>).
    /// </summary>
    public static void Reap(int pid) => _ = WaitPid(pid, 0, WaitNoHang);

    private const int WaitNoHang = 1;

    [DllImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static extern int WaitPid(int pid, nint status, int options);

    // prctl is variadic in C; passing every argument as a machine word is how its callers use it.
    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static extern int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
