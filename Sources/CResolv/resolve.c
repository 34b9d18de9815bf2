// pr_dns_lookup (include/CResolv.h) on res_nquery and the ns_parse functions.
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <netdb.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>
#include "CResolv.h"

static int32_t outcome_of(int herr) {
    switch (herr) {
    case HOST_NOT_FOUND: return PR_DNS_NXDOMAIN;
    case NO_DATA: return PR_DNS_NO_DATA;
    case TRY_AGAIN: return PR_DNS_TRY_AGAIN;
    default: return PR_DNS_REFUSED;
    }
}

// glibc's resolver state takes IPv4 servers directly; IPv6 ones only from resolv.conf.
static int use_server(res_state state, const char *server, int32_t port) {
    struct sockaddr_in v4;
    memset(&v4, 0, sizeof v4);
    if (inet_pton(AF_INET, server, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons((uint16_t)port);
        state->nsaddr_list[0] = v4;
        state->nscount = 1;
        return 1;
    }
    return 0;
}

int32_t pr_dns_lookup(const char *name, int32_t type, const char *server, int32_t port, int32_t timeout,
                      char *out, int32_t capacity, int32_t *ttl) {
    struct __res_state state;
    memset(&state, 0, sizeof state);
    if (capacity > 0) out[0] = 0;
    *ttl = 0;
    if (res_ninit(&state) != 0) return PR_DNS_TRY_AGAIN;
    if (server != NULL && !use_server(&state, server, port)) {
        res_nclose(&state);
        return PR_DNS_BAD_SERVER;
    }
    state.retrans = timeout > 0 ? timeout : 5;
    state.retry = 2;
    unsigned char answer[NS_MAXMSG > 65536 ? 65536 : NS_MAXMSG];
    int length = res_nquery(&state, name, ns_c_in, type, answer, sizeof answer);
    if (length < 0) {
        int32_t result = outcome_of(state.res_h_errno);
        res_nclose(&state);
        return result;
    }
    res_nclose(&state);

    ns_msg message;
    if (ns_initparse(answer, length, &message) != 0) return PR_DNS_REFUSED;
    int written = 0, found = 0;
    uint32_t smallest = UINT32_MAX;
    for (int index = 0; index < ns_msg_count(message, ns_s_an); index++) {
        ns_rr record;
        if (ns_parserr(&message, ns_s_an, index, &record) != 0) continue;
        if ((int32_t)ns_rr_type(record) != type) continue;  // the CNAMEs on the way
        char line[NS_MAXDNAME + 16];
        const unsigned char *data = ns_rr_rdata(record);
        if (type == PR_DNS_TYPE_MX) {
            if (ns_rr_rdlen(record) < 3) continue;
            char host[NS_MAXDNAME];
            if (dn_expand(ns_msg_base(message), ns_msg_end(message), data + 2, host, sizeof host) < 0) continue;
            snprintf(line, sizeof line, "%u %s\n", (unsigned)ns_get16(data), host);
        } else if (type == PR_DNS_TYPE_A && ns_rr_rdlen(record) == 4) {
            char text[INET_ADDRSTRLEN];
            inet_ntop(AF_INET, data, text, sizeof text);
            snprintf(line, sizeof line, "%s\n", text);
        } else if (type == PR_DNS_TYPE_AAAA && ns_rr_rdlen(record) == 16) {
            char text[INET6_ADDRSTRLEN];
            inet_ntop(AF_INET6, data, text, sizeof text);
            snprintf(line, sizeof line, "%s\n", text);
        } else {
            continue;
        }
        int size = (int)strlen(line);
        if (written + size + 1 > capacity) break;
        memcpy(out + written, line, size + 1);
        written += size;
        found++;
        if (ns_rr_ttl(record) < smallest) smallest = ns_rr_ttl(record);
    }
    *ttl = found > 0 ? (int32_t)(smallest > INT32_MAX ? INT32_MAX : smallest) : 0;
    return found > 0 ? PR_DNS_OK : PR_DNS_NO_DATA;
}
