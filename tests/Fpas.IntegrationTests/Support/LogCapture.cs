using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fpas.IntegrationTests.Support;

/// <summary>Keeps every log record the app writes at <paramref name="minimumLevel"/> (Warning unless told) or above, for tests of what is logged.</summary>
public sealed class LogCapture(LogLevel minimumLevel = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimumLevel, _records);

    public void Dispose()
    {
    }

    public sealed record LogRecord(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(string category, LogLevel minimumLevel, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
