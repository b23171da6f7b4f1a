// Every feature's workers, registered by importing its jobs module (one line each).
import '@/lib/matching/jobs';
import '@/lib/saved-searches/jobs';
import '@/lib/mail/jobs';
import '@/lib/introductions/jobs';
import '@/lib/listings/jobs';
