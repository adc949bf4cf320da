namespace ChatPay.Domain.Security;

/// <summary>What <see cref="IAttemptLimits"/> counts.</summary>
public enum LimitedAttempt
{
    /// <summary>A dossier code that does not exist (typed, /bienlai, /baoloi, /tracuu).</summary>
    UnknownCode,
    /// <summary>A /dangky with a wrong enrolment code.</summary>
    WrongEnrollmentCode,
    /// <summary>A /baoloi, each of which may reach support.</summary>
    ProblemReport,
}
