using ChatPay.Domain.Staff;

namespace ChatPay.Bot.Staff;

/// <summary>At start, ends the enrolments made with codes that are no longer in force (their chats are told).</summary>
public sealed class EnrollmentReviewService(EnrollmentReview review, ILogger<EnrollmentReviewService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var ended = review.EndStale();
        if (ended > 0) logger.LogWarning("{Count} enrolments made with enrolment codes no longer in force were ended", ended);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
