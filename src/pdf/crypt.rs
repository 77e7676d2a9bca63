//! The PDF Standard Security Handler (ISO 32000-1 §7.6, ISO 32000-2 §7.6.4): password
//! authentication for revisions 2–6 and decryption of strings and streams with RC4, AESV2 and
//! AESV3 crypt filters.
//!
//! lopdf's own handler fails on many real files, so an encrypted file is loaded with its
//! trailer's `/Encrypt` key hidden: lopdf then parses every object as if it were plain, and the
//! objects are decrypted here afterwards.

use std::sync::OnceLock;

use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit, StreamCipher};
use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, ObjectStream};
use md5::{Digest, Md5};
use regex::bytes::Regex;
use sha2::{Sha256, Sha384, Sha512};

use super::PdfError;

/// The 32-byte string every pre-AES-256 password is padded with (Algorithm 2, step a).
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// What `/Encrypt` is renamed to before lopdf sees the file: same length, so every byte offset
/// in the cross-reference data stays right, and no real PDF key.
const HIDDEN_KEY: &[u8] = b"/EncrypT";

/// How one class of objects (strings or streams) is encrypted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    Identity,
    Rc4,
    AesV2,
    AesV3,
}

/// An authenticated security handler: the file key and how strings and streams use it.
struct Handler {
    key: Vec<u8>,
    strings: Method,
    streams: Method,
    encrypt_metadata: bool,
}

/// The fields of a Standard security handler's encryption dictionary.
struct Params {
    v: i64,
    r: i64,
    key_len: usize,
    o: Vec<u8>,
    u: Vec<u8>,
    oe: Vec<u8>,
    ue: Vec<u8>,
    p: i32,
    id0: Vec<u8>,
    encrypt_metadata: bool,
}

fn int(dict: &Dictionary, key: &[u8]) -> Option<i64> {
    dict.get(key).ok().and_then(|o| o.as_i64().ok())
}

fn bytes(dict: &Dictionary, key: &[u8]) -> Vec<u8> {
    match dict.get(key) {
        Ok(Object::String(b, _)) => b.clone(),
        _ => Vec::new(),
    }
}

fn md5(parts: &[&[u8]]) -> [u8; 16] {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

fn rc4(key: &[u8], data: &mut [u8]) {
    // Key lengths outside 1..=256 bytes cannot come from a valid dictionary; leave data as is.
    if let Ok(mut c) = rc4::Rc4::new_from_slice(key) {
        c.apply_keystream(data);
    }
}

/// The password padded or truncated to 32 bytes (Algorithm 2, step a).
fn padded(password: &[u8]) -> [u8; 32] {
    let mut out = PAD;
    let n = password.len().min(32);
    out[..n].copy_from_slice(&password[..n]);
    out[n..].copy_from_slice(&PAD[..32 - n]);
    out
}

impl Params {
    fn read(dict: &Dictionary, id0: Vec<u8>) -> Result<Self, PdfError> {
        let filter = dict.get(b"Filter").and_then(Object::as_name).unwrap_or(b"");
        if filter != b"Standard" {
            return Err(PdfError::Malformed(format!(
                "unsupported security handler /{}",
                String::from_utf8_lossy(filter)
            )));
        }
        let v = int(dict, b"V").unwrap_or(0);
        let r = int(dict, b"R").unwrap_or(0);
        if !(2..=6).contains(&r) {
            return Err(PdfError::Malformed(format!(
                "unsupported encryption revision {r}"
            )));
        }
        let bits = int(dict, b"Length").unwrap_or(40);
        // Some writers give the length in bytes.
        let key_len = if bits <= 16 { bits * 8 } else { bits };
        let key_len = (key_len.clamp(40, 128) / 8) as usize;
        Ok(Params {
            v,
            r,
            key_len: if r == 2 { 5 } else { key_len },
            o: bytes(dict, b"O"),
            u: bytes(dict, b"U"),
            oe: bytes(dict, b"OE"),
            ue: bytes(dict, b"UE"),
            p: int(dict, b"P").unwrap_or(0) as i32,
            id0,
            encrypt_metadata: !matches!(dict.get(b"EncryptMetadata"), Ok(Object::Boolean(false))),
        })
    }

    /// Algorithm 2: the file key from a (padded) user password, for revisions 2–4.
    fn file_key(&self, user_padded: &[u8; 32]) -> Vec<u8> {
        let mut h = Md5::new();
        h.update(user_padded);
        h.update(&self.o[..self.o.len().min(32)]);
        h.update(self.p.to_le_bytes());
        h.update(&self.id0);
        if self.r >= 4 && !self.encrypt_metadata {
            h.update([0xFF; 4]);
        }
        let mut hash: [u8; 16] = h.finalize().into();
        if self.r >= 3 {
            for _ in 0..50 {
                hash = md5(&[&hash[..self.key_len]]);
            }
        }
        hash[..self.key_len].to_vec()
    }

    /// Algorithms 4, 5 and 6: the file key if the padded user password is right.
    fn check_user(&self, user_padded: &[u8; 32]) -> Option<Vec<u8>> {
        let key = self.file_key(user_padded);
        let ok = if self.r == 2 {
            let mut u = PAD;
            rc4(&key, &mut u);
            self.u.get(..32) == Some(&u[..])
        } else {
            let mut u = md5(&[&PAD, &self.id0]);
            rc4(&key, &mut u);
            for i in 1..=19u8 {
                let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                rc4(&k, &mut u);
            }
            self.u.get(..16) == Some(&u[..])
        };
        ok.then_some(key)
    }

    /// Algorithm 7: recovers the user password from /O with the owner password, then checks it.
    fn check_owner(&self, password: &[u8]) -> Option<Vec<u8>> {
        let mut hash = md5(&[&padded(password)]);
        if self.r >= 3 {
            for _ in 0..50 {
                hash = md5(&[&hash]);
            }
        }
        let key = &hash[..self.key_len];
        let mut user: [u8; 32] = self.o.get(..32)?.try_into().ok()?;
        if self.r == 2 {
            rc4(key, &mut user);
        } else {
            for i in (0..=19u8).rev() {
                let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                rc4(&k, &mut user);
            }
        }
        self.check_user(&user)
    }

    /// Algorithm 2.A: the AES-256 file key for revisions 5 and 6, as user or as owner.
    fn aes256_key(&self, password: &[u8]) -> Option<Vec<u8>> {
        // The password is UTF-8 truncated to 127 bytes (SASLprep is skipped: it only changes
        // rare Unicode spellings).
        let pw = &password[..password.len().min(127)];
        let (o, u) = (self.o.get(..48)?, self.u.get(..48)?);
        let tries: [(&[u8], &[u8], &[u8]); 2] = [(o, u, &self.oe), (u, &[], &self.ue)];
        for (entry, udata, wrapped) in tries {
            let (hash, rest) = entry.split_at(32);
            let (validation_salt, key_salt) = rest.split_at(8);
            if self.hash_2b(pw, validation_salt, udata) != hash {
                continue;
            }
            let inter = self.hash_2b(pw, key_salt, udata);
            let mut key = wrapped.get(..32)?.to_vec();
            let dec = cbc::Decryptor::<aes::Aes256>::new_from_slices(&inter, &[0u8; 16]).ok()?;
            dec.decrypt_padded::<NoPadding>(&mut key).ok()?;
            return Some(key);
        }
        None
    }

    /// Algorithm 2.B (revision 6), or plain SHA-256 for revision 5.
    fn hash_2b(&self, pw: &[u8], salt: &[u8], udata: &[u8]) -> Vec<u8> {
        let mut k: Vec<u8> = Sha256::new()
            .chain_update(pw)
            .chain_update(salt)
            .chain_update(udata)
            .finalize()
            .to_vec();
        if self.r < 6 {
            return k;
        }
        let mut round = 0u32;
        loop {
            let block: Vec<u8> = [pw, &k, udata].concat();
            let mut e = block.repeat(64);
            let n = e.len();
            let Ok(enc) = cbc::Encryptor::<aes::Aes128>::new_from_slices(&k[..16], &k[16..32])
            else {
                return k;
            };
            if enc.encrypt_padded::<NoPadding>(&mut e, n).is_err() {
                return k;
            }
            let modulo = e[..16].iter().map(|&b| u32::from(b)).sum::<u32>() % 3;
            k = match modulo {
                0 => Sha256::digest(&e).to_vec(),
                1 => Sha384::digest(&e).to_vec(),
                _ => Sha512::digest(&e).to_vec(),
            };
            round += 1;
            let last = u32::from(*e.last().unwrap_or(&0));
            if round >= 64 && last + 32 <= round {
                break;
            }
        }
        k.truncate(32);
        k
    }

    /// The crypt filter method a `/StmF` or `/StrF` name selects.
    fn method(&self, dict: &Dictionary, which: &[u8]) -> Method {
        if self.v < 4 {
            return Method::Rc4;
        }
        let name = dict
            .get(which)
            .and_then(Object::as_name)
            .unwrap_or(b"Identity");
        if name == b"Identity" {
            return Method::Identity;
        }
        let cfm = dict
            .get(b"CF")
            .and_then(Object::as_dict)
            .and_then(|cf| cf.get(name))
            .and_then(Object::as_dict)
            .and_then(|f| f.get(b"CFM"))
            .and_then(Object::as_name)
            .unwrap_or(b"None");
        match cfm {
            b"V2" => Method::Rc4,
            b"AESV2" => Method::AesV2,
            b"AESV3" => Method::AesV3,
            _ => Method::Identity,
        }
    }
}

impl Handler {
    /// Authenticates with the empty user password, then `password` as user and as owner.
    fn open(dict: &Dictionary, id0: Vec<u8>, password: Option<&str>) -> Result<Self, PdfError> {
        let params = Params::read(dict, id0)?;
        let candidates: Vec<&[u8]> = std::iter::once(&b""[..])
            .chain(password.map(str::as_bytes))
            .collect();
        let key = candidates.iter().find_map(|pw| {
            if params.r >= 5 {
                params.aes256_key(pw)
            } else {
                params
                    .check_user(&padded(pw))
                    .or_else(|| params.check_owner(pw))
            }
        });
        let Some(key) = key else {
            return Err(match password {
                Some(_) => PdfError::WrongPassword,
                None => PdfError::PasswordRequired,
            });
        };
        Ok(Handler {
            key,
            strings: params.method(dict, b"StrF"),
            streams: params.method(dict, b"StmF"),
            encrypt_metadata: params.encrypt_metadata,
        })
    }

    /// Algorithm 1: decrypts one string or stream of object `id`.
    fn decrypt(&self, id: ObjectId, method: Method, data: &mut Vec<u8>) {
        let object_key = |salt: &[u8]| {
            let digest = md5(&[
                &self.key,
                &id.0.to_le_bytes()[..3],
                &id.1.to_le_bytes(),
                salt,
            ]);
            digest[..(self.key.len() + 5).min(16)].to_vec()
        };
        match method {
            Method::Identity => {}
            Method::Rc4 => rc4(&object_key(b""), data),
            Method::AesV2 => aes_cbc_decrypt::<aes::Aes128>(&object_key(b"sAlT"), data),
            Method::AesV3 => aes_cbc_decrypt::<aes::Aes256>(&self.key, data),
        }
    }

    fn decrypt_object(&self, id: ObjectId, obj: &mut Object) {
        match obj {
            Object::String(s, _) => self.decrypt(id, self.strings, s),
            Object::Array(items) => items.iter_mut().for_each(|o| self.decrypt_object(id, o)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| self.decrypt_object(id, o)),
            Object::Stream(s) => {
                s.dict
                    .iter_mut()
                    .for_each(|(_, o)| self.decrypt_object(id, o));
                let kind = s.dict.get(b"Type").and_then(Object::as_name).unwrap_or(b"");
                let plain = kind == b"XRef" || (kind == b"Metadata" && !self.encrypt_metadata);
                if !plain {
                    self.decrypt(id, self.streams, &mut s.content);
                }
            }
            _ => {}
        }
    }
}

/// AES-CBC with the IV in the first 16 bytes and PKCS#7 padding, kept as is when the padding
/// is malformed (some writers get it wrong; the text is still there).
fn aes_cbc_decrypt<C>(key: &[u8], data: &mut Vec<u8>)
where
    C: aes::cipher::BlockCipherDecrypt + aes::cipher::KeyInit,
    cbc::Decryptor<C>: KeyIvInit,
{
    if data.len() < 32 {
        data.clear();
        return;
    }
    let (iv, body) = data.split_at(16);
    let mut body = body[..body.len() / 16 * 16].to_vec();
    let Ok(dec) = cbc::Decryptor::<C>::new_from_slices(key, iv) else {
        return;
    };
    if dec.decrypt_padded::<NoPadding>(&mut body).is_err() {
        return;
    }
    if let Some(&pad) = body.last() {
        let n = usize::from(pad);
        if (1..=16).contains(&n) && body[body.len() - n..].iter().all(|&b| b == pad) {
            body.truncate(body.len() - n);
        }
    }
    *data = body;
}

/// Marks object streams so lopdf keeps them as plain streams instead of failing to parse
/// their still encrypted content; [`load`] unpacks them once decrypted.
fn keep_object_streams(id: ObjectId, obj: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(s) = obj {
        if s.dict.has_type(b"ObjStm") {
            s.dict
                .set("Type", Object::Name(b"DiariumEncryptedObjStm".to_vec()));
        }
        // lopdf only looks at whether a stream was kept, not at the object returned.
        return Some((id, Object::Null));
    }
    Some((id, obj.clone()))
}

/// Where `bytes` holds the `/Encrypt` key (followed by a delimiter, so not `/EncryptMetadata`).
fn encrypt_keys(bytes: &[u8]) -> Vec<usize> {
    static KEY: OnceLock<Regex> = OnceLock::new();
    let key = KEY.get_or_init(|| Regex::new(r"/Encrypt[\s/<\[(%]").expect("valid pattern"));
    key.find_iter(bytes).map(|m| m.start()).collect()
}

/// Loads an encrypted PDF and decrypts it with the empty user password or `password` (as user
/// or owner). `Ok(None)` when the file is not encrypted after all.
pub(crate) fn load(
    bytes: &[u8],
    password: Option<&str>,
    max_stream_bytes: usize,
) -> Result<Option<Document>, PdfError> {
    let positions = encrypt_keys(bytes);
    if positions.is_empty() {
        return Ok(None);
    }
    let mut hidden = bytes.to_vec();
    for p in positions {
        hidden[p..p + HIDDEN_KEY.len()].copy_from_slice(HIDDEN_KEY);
    }
    let options = LoadOptions {
        filter: Some(keep_object_streams),
        max_decompressed_size: Some(max_stream_bytes),
        ..LoadOptions::default()
    };
    let mut doc = Document::load_mem_with_options(&hidden, options)
        .map_err(|e| PdfError::Malformed(e.to_string()))?;
    let Ok(entry) = doc.trailer.get(&HIDDEN_KEY[1..]).cloned() else {
        return Ok(None);
    };
    let encrypt_id = entry.as_reference().ok();
    let dict = match doc.dereference(&entry) {
        Ok((_, Object::Dictionary(d))) => d.clone(),
        _ => return Err(PdfError::Malformed("unreadable /Encrypt dictionary".into())),
    };
    let id0 = match doc.trailer.get(b"ID") {
        Ok(Object::Array(a)) => match a.first() {
            Some(Object::String(s, _)) => s.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let handler = Handler::open(&dict, id0, password)?;
    let mut containers = Vec::new();
    for (&id, obj) in doc.objects.iter_mut() {
        if Some(id) == encrypt_id {
            continue;
        }
        handler.decrypt_object(id, obj);
        if let Object::Stream(s) = obj {
            if s.dict.has_type(b"DiariumEncryptedObjStm") {
                s.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
                containers.push(id);
            }
        }
    }
    for container in containers {
        let Ok(stream) = doc.get_object(container).and_then(Object::as_stream) else {
            continue;
        };
        let Ok(objects) = ObjectStream::new_with_limit(stream, Some(max_stream_bytes)) else {
            continue;
        };
        for (id, obj) in objects.objects {
            // A later update may have replaced or freed the object; the xref says which copy
            // is current.
            let current = match doc.reference_table.entries.get(&id.0) {
                Some(XrefEntry::Compressed { container: c, .. }) => *c == container.0,
                None => !doc.objects.contains_key(&id),
                _ => false,
            };
            if current {
                doc.objects.insert(id, obj);
            }
        }
    }
    doc.trailer.remove(&HIDDEN_KEY[1..]);
    if let Some(id) = encrypt_id {
        doc.objects.remove(&id);
    }
    Ok(Some(doc))
}
