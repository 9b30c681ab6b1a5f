//! Timestamp parsing and placing on the time line: `parse_written` on any UTF-8 text, then
//! `WrittenDate::resolve`, `order_evidence` and `to_instant` in both date orders and two
//! zones; the as-of reader on the same text; and `serial_to_local` (then `localize`) on
//! the first 8 bytes read as an `f64`, in both date systems. Nothing may panic.
#![no_main]

use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use patuh::config::DateOrderSetting;
use patuh::timestamp::{
    localize, parse_written, serial_to_local, to_instant, DateOrder, DateSystem,
};

const ZONES: [Tz; 2] = [Tz::Asia__Jakarta, Tz::America__New_York];
const ORDERS: [DateOrder; 2] = [DateOrder::DayFirst, DateOrder::MonthFirst];

fuzz_target!(|data: &[u8]| {
    if let Some(bytes) = data.get(..8) {
        let serial = f64::from_le_bytes(bytes.try_into().expect("8 bytes"));
        for system in [DateSystem::Excel1900, DateSystem::Excel1904] {
            if let Ok(local) = serial_to_local(serial, system) {
                for zone in ZONES {
                    let _ = localize(local, zone);
                }
            }
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(stamp) = parse_written(text) {
        if let Some(date) = stamp.date {
            let _ = date.order_evidence();
            for order in ORDERS {
                let _ = date.resolve(order);
            }
        }
        for order in ORDERS {
            for zone in ZONES {
                let _ = to_instant(&stamp, order, zone);
            }
        }
    }
    for setting in [
        DateOrderSetting::Dmy,
        DateOrderSetting::Mdy,
        DateOrderSetting::Auto,
    ] {
        let _ = patuh::sop::resolve_as_of(Some(text), &[], ZONES[1], setting);
    }
});
