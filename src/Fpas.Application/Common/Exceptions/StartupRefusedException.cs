namespace Fpas.Application.Common.Exceptions;

/// <summary>The app cannot serve what it was built or configured with and refuses to start; the message names what and why.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
