using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Domain.Staff;

/// <summary>Six letters and digits naming an enrolment in lists and commands, without showing its chat's id.</summary>
public static class EnrollmentHandle
{
    public static string Of(string enrollmentId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(enrollmentId)))[..6];
}
