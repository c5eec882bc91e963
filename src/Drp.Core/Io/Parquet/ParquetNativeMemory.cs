using System.Runtime.InteropServices;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// The Parquet reader's native allocator (mimalloc, inside ParquetSharp) keeps the pages a row group's buffers freed,
/// so a long read held some 60 MB more than it used. Its documented options make it give them back at once; they are
/// read from the environment when the native library loads, so they are set before the first Parquet file is opened
/// (a value the user set is kept).
/// </summary>
internal static class ParquetNativeMemory
{
    public static void ReturnFreedPages()
    {
        Set("MIMALLOC_PURGE_DELAY", "0");
        Set("MIMALLOC_ARENA_EAGER_COMMIT", "0");
    }

    private static void Set(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
            return;
        }

        // On Linux and macOS the runtime's own environment is not the C library's, which the native code reads.
        try
        {
            _ = SetEnv(name, value, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to set it in: the reader works the same, holding more memory.
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
