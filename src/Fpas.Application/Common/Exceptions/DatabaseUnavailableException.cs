namespace Fpas.Application.Common.Exceptions;

/// <summary>The database could not be reached or did not answer in time.</summary>
public sealed class DatabaseUnavailableException(Exception innerException)
    : Exception("The database is unavailable.", innerException);
