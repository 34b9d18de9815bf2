// One DNS question through the C library's stub resolver (resolv.h): MX, A or AAAA records of a
// name, from the servers in /etc/resolv.conf or from one server given by address and port (a
// test's resolver on loopback). Each call has its own resolver state, so calls may run on
// several threads at once.
#pragma once
#include <stdint.h>

// Outcomes (from the resolver's h_errno and the answer's rcode).
#define PR_DNS_OK 0          // answers were found
#define PR_DNS_NO_DATA 1     // the name exists and has no record of that type
#define PR_DNS_NXDOMAIN 2    // the name does not exist
#define PR_DNS_TRY_AGAIN 3   // no answer in time, or the server failed (SERVFAIL): unknown
#define PR_DNS_REFUSED 4     // the server refused or did not understand the question
#define PR_DNS_BAD_SERVER 5  // `server` is not an IPv4 address

#define PR_DNS_TYPE_A 1
#define PR_DNS_TYPE_MX 15
#define PR_DNS_TYPE_AAAA 28

// Asks for the `type` records of `name` (ASCII, IDNA already applied). `server` NULL uses the
// system's configuration; else an IPv4 address, asked on `port`. `timeout` is seconds per try.
// Answers are written to `out` as lines, NUL-terminated: "PREFERENCE HOST" for MX (HOST empty
// for a null MX, RFC 7505), the address for A and AAAA. `ttl` receives the smallest TTL among
// them. Returns a PR_DNS_ outcome.
int32_t pr_dns_lookup(const char *name, int32_t type, const char *server, int32_t port, int32_t timeout,
                      char *out, int32_t capacity, int32_t *ttl);
