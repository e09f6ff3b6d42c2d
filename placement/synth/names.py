"""Deterministic Indonesian person and place names for synthetic data (vectorised draws)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

StrArray = npt.NDArray[np.str_]

MALE_FIRST: tuple[str, ...] = (
    "Agus", "Ahmad", "Andi", "Arif", "Bambang", "Budi", "Dedi", "Dimas", "Eko", "Fajar",
    "Hendra", "Heru", "Iwan", "Joko", "Kurniawan", "Lukman", "Muhammad", "Nanang", "Rudi",
    "Slamet", "Taufik", "Wahyu", "Yusuf", "Zainal", "Asep", "Dadang", "Ujang", "Cecep", "Ilham",
    "Rizky", "Bayu", "Teguh", "Hari", "Sutrisno", "Supriyadi", "Rahmat", "Syamsul", "Irfan",
    "Haris", "Gilang", "Doni", "Yoga", "Fauzi", "Hamdan", "Ridwan", "Ade", "Aditya", "Firman",
)  # fmt: skip
FEMALE_FIRST: tuple[str, ...] = (
    "Ani", "Ayu", "Dewi", "Dian", "Endang", "Fitri", "Indah", "Lina", "Mega", "Nur", "Ratna",
    "Rina", "Sari", "Siti", "Sri", "Tuti", "Wulan", "Yuni", "Nining", "Euis", "Neneng", "Ika",
    "Rini", "Novi", "Eka", "Lestari", "Maya", "Putri", "Anisa", "Desi", "Evi", "Heni", "Intan",
    "Kartika", "Lia", "Nurul", "Rahma", "Santi", "Tri", "Vina", "Winda", "Yanti", "Retno",
)  # fmt: skip
MALE_MIDDLE: tuple[str, ...] = ("Adi", "Dwi", "Eka", "Nur", "Tri", "Indra", "Putra", "Agung")
FEMALE_MIDDLE: tuple[str, ...] = ("Dwi", "Eka", "Nur", "Sri", "Tri", "Ayu", "Dewi", "Putri")
MALE_LAST: tuple[str, ...] = (
    "Santoso", "Wijaya", "Siregar", "Nasution", "Hidayat", "Saputra", "Kusuma", "Pratama",
    "Lubis", "Harahap", "Simanjuntak", "Hasibuan", "Rahman", "Setiawan", "Gunawan", "Susanto",
    "Wibowo", "Purnomo", "Nugroho", "Hakim", "Syahputra", "Ramadhan", "Sitompul", "Tanjung",
    "Firmansyah", "Hermawan", "Kurniadi", "Sulaiman", "Pangaribuan", "Manurung", "Permana",
    "Suryadi", "Prasetyo", "Mulyadi", "Sembiring", "Ginting", "Rangkuti", "Daulay", "Effendi",
)  # fmt: skip
FEMALE_LAST: tuple[str, ...] = (
    "Lestari", "Wulandari", "Rahmawati", "Puspitasari", "Anggraini", "Safitri", "Handayani",
    "Kurniasih", "Susanti", "Rahayu", "Fitriani", "Marlina", "Yuliani", "Permatasari",
    "Nurhayati", "Suryani", "Hasanah", "Siregar", "Nasution", "Lubis", "Kusumawati", "Maharani",
    "Sulistyowati", "Setyaningsih", "Pratiwi", "Oktaviani", "Damayanti", "Hutapea",
)  # fmt: skip

PLACE_HEAD: tuple[str, ...] = (
    "Suka", "Tanjung", "Karang", "Sumber", "Ci", "Pasir", "Muara", "Sungai", "Batu", "Bukit",
    "Kali", "Rawa", "Sido", "Jati", "Mekar", "Teluk", "Padang", "Bojong", "Gunung", "Air",
)  # fmt: skip
PLACE_TAIL: tuple[str, ...] = (
    "maju", "jaya", "sari", "mulya", "rejo", "makmur", "harjo", "asri", "indah", "baru",
    "wangi", "agung", "luhur", "tengah", "raya", "mukti", "damai", "permai", "kencana", "sejati",
)  # fmt: skip


def person_names(rng: np.random.Generator, female: npt.NDArray[np.bool_]) -> StrArray:
    """One full name per person: first [middle] last, by gender."""
    n = len(female)
    first = np.where(
        female,
        np.asarray(FEMALE_FIRST)[rng.integers(0, len(FEMALE_FIRST), n)],
        np.asarray(MALE_FIRST)[rng.integers(0, len(MALE_FIRST), n)],
    )
    last = np.where(
        female,
        np.asarray(FEMALE_LAST)[rng.integers(0, len(FEMALE_LAST), n)],
        np.asarray(MALE_LAST)[rng.integers(0, len(MALE_LAST), n)],
    )
    middle = np.where(
        female,
        np.asarray(FEMALE_MIDDLE)[rng.integers(0, len(FEMALE_MIDDLE), n)],
        np.asarray(MALE_MIDDLE)[rng.integers(0, len(MALE_MIDDLE), n)],
    )
    with_middle = rng.random(n) < 0.3
    out: StrArray = np.where(
        with_middle,
        np.char.add(np.char.add(np.char.add(first, " "), np.char.add(middle, " ")), last),
        np.char.add(np.char.add(first, " "), last),
    )
    return out


def place_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct place names ("Sukamaju", "Tanjungsari"), deterministic by ``rng``."""
    combos = [h + t for h in PLACE_HEAD for t in PLACE_TAIL]
    if n > len(combos):
        raise ValueError(f"at most {len(combos)} distinct place names")
    picked = rng.permutation(len(combos))[:n]
    return [combos[i] for i in picked]
