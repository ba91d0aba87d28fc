#!/usr/bin/env python3
"""Writes src/main/resources/catalogue/esim-data-plans.json, the eSIM Commerce sandbox's seeded data-plan
catalogue: realistic travel-eSIM plans (providers per country, roaming countries, GB/MB caps per DAY or TOTAL,
UNLIMITED plans, speeds in kbps, prices as decimal strings, telephony and eKYC flags). Deterministic: rerun and
commit the result when the plan mix changes.  Usage: tools/generate-esim-catalogue.py"""
import json
import pathlib

# country: dialing code, [(providerCode, plan-code prefix, home network, eKYC, telephony)], roaming countries
COUNTRIES = {
    "JP": ("+81", [("KDDI", "KD", "au (KDDI)", False, True), ("DOCOMO", "DC", "NTT Docomo", True, True),
                   ("SOFTBANK", "SB", "SoftBank", False, False)], ["KR", "TW", "HK"]),
    "KR": ("+82", [("SKT", "SK", "SK Telecom", False, True), ("KT", "KT", "KT", False, False)], ["JP"]),
    "TW": ("+886", [("CHT", "CH", "Chunghwa Telecom", False, False)], ["HK", "JP"]),
    "HK": ("+852", [("CSL", "CS", "csl", False, False)], ["CN", "TW"]),
    "CN": ("+86", [("CMCC", "CM", "China Mobile", True, False)], ["HK"]),
    "TH": ("+66", [("AIS", "AI", "AIS", False, True)], ["MY", "SG", "VN"]),
    "SG": ("+65", [("SINGTEL", "SG", "Singtel", False, False)], ["MY", "TH", "ID"]),
    "MY": ("+60", [("MAXIS", "MX", "Maxis", False, False)], ["SG", "TH"]),
    "VN": ("+84", [("VIETTEL", "VT", "Viettel", False, False)], ["TH"]),
    "ID": ("+62", [("TELKOMSEL", "TS", "Telkomsel", True, False)], ["SG", "MY"]),
    "PH": ("+63", [("GLOBE", "GL", "Globe", False, False)], []),
    "US": ("+1", [("TMOBILE", "TM", "T-Mobile", False, True), ("ATT", "AT", "AT&T", False, False)], ["CA", "MX"]),
    "CA": ("+1", [("ROGERS", "RG", "Rogers", False, False)], ["US"]),
    "GB": ("+44", [("VODAFONEUK", "VU", "Vodafone UK", False, True)], ["FR", "DE", "IT", "ES"]),
    "FR": ("+33", [("ORANGE", "OR", "Orange", False, True)], ["DE", "IT", "ES", "GB"]),
    "DE": ("+49", [("TELEKOM", "DT", "Telekom", False, False)], ["FR", "IT", "ES"]),
    "IT": ("+39", [("TIM", "TI", "TIM", False, False)], ["FR", "DE", "ES"]),
    "ES": ("+34", [("MOVISTAR", "MV", "Movistar", False, False)], ["FR", "IT", "DE"]),
    "AU": ("+61", [("TELSTRA", "TL", "Telstra", False, True)], ["NZ"]),
    "NZ": ("+64", [("SPARK", "SP", "Spark", False, False)], ["AU"]),
}
NETWORKS = {c: [p[2] for p in v[1]] for c, v in COUNTRIES.items()}
NETWORKS.update({"MX": ["Telcel"]})
FIVE_G = {"JP", "KR", "TW", "HK", "CN", "SG", "US", "GB", "DE", "AU"}

# (planType, dataCap, dataUnit, dataCapPer, validityDays, maxSpeed, reducedSpeed, netPrice)
SHAPES = [
    ("FIXED", 1, "GB", "TOTAL", 7, 150000, None, 3.50),
    ("FIXED", 3, "GB", "TOTAL", 15, 150000, None, 7.00),
    ("FIXED", 10, "GB", "TOTAL", 30, 150000, None, 16.00),
    ("FIXED", 500, "MB", "DAY", 5, 50000, 128, 4.20),
    ("UNLIMITED", 1, "GB", "DAY", 7, 10000, 128, 9.99),
    ("UNLIMITED", None, None, None, 3, None, None, 12.00),
]


def coverage(code, own_network=None):
    types = ["4G", "5G"] if code in FIVE_G else ["4G"]
    names = [own_network] if own_network else NETWORKS[code]
    return {"code": code, "networks": [{"name": n, "types": types} for n in names]}


def plans():
    out = []
    for country, (dial, providers, roaming) in COUNTRIES.items():
        for provider, prefix, network, ekyc, voice in providers:
            for i, (ptype, cap, unit, per, days, speed, reduced, net) in enumerate(SHAPES, start=1):
                with_roaming = roaming and i % 2 == 0
                roams = roaming if with_roaming else []
                factor = 1.0 + 0.1 * (len(country) + ord(country[0]) % 5) + (0.25 if with_roaming else 0)
                price = round(net * factor, 2)
                if cap is None:
                    name = f"Unlimited {days} Days Plan"
                    info = "Unlimited high-speed data."
                elif ptype == "UNLIMITED":
                    name = f"{cap}{unit}/day Unlimited {days} Days Plan"
                    info = f"Unlimited on-device data, {cap} {unit} a day at full speed, then {reduced} kbps."
                else:
                    name = f"{cap}{unit}{'/day' if per == 'DAY' else ''} {days} Days Plan"
                    info = None if per == "TOTAL" else f"{cap} {unit} a day at full speed, then {reduced} kbps."
                if roams:
                    name += " + " + "/".join(roams)
                out.append({
                    "planCode": f"{prefix}{i:04d}",
                    "planName": name,
                    "planType": ptype,
                    "providerCode": provider,
                    "homeCountry": country,
                    "roamingCountries": roams,
                    "coverages": [coverage(country, network)] + [coverage(c) for c in roams],
                    "ipCountry": [country],
                    "dataCap": cap,
                    "dataUnit": unit,
                    "dataCapPer": per,
                    "maxSpeed": speed,
                    "reducedSpeed": reduced,
                    "tethering": ptype == "FIXED" or i == 5,
                    "validityDays": days,
                    "validityInfo": f"Valid for {days} days from first use",
                    "activationInfo": "Validity starts when the eSIM first connects to a network",
                    "unusedTerminationDays": 180,
                    "netPrice": f"{price:.2f}",
                    "suggestedRetailPrice": f"{price * 1.3:.2f}",
                    "telephony": {
                        "dialingCode": dial if voice else None,
                        "voice": {"inbound": voice, "outbound": voice and ekyc},
                        "sms": {"inbound": voice, "outbound": False},
                    },
                    "topUpSupported": ptype == "FIXED" and per == "TOTAL",
                    "eKYC": ekyc,
                    "serviceRestrictions": info,
                })
    return out


if __name__ == "__main__":
    target = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/catalogue/esim-data-plans.json"
    data = plans()
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data)} plans, {len({p['homeCountry'] for p in data})} countries -> {target}")
